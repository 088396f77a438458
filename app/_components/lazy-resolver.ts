import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

export type SchemaLoader<Input extends FieldValues, Data> = () => Promise<z.ZodType<Data, Input>>;

/**
 * A react-hook-form resolver for a zod schema that the browser loads when the form first needs it
 * (or at `preload()`, when the form is first focused), not with the page: zod and the schemas are
 * about 46 KB compressed, more than any other part of a page's own JavaScript. The server imports
 * the same schema as ever. Should the schema fail to load (the connection dropped), the form goes to
 * the server unchecked, which checks it with that same schema; the next check tries to load again.
 */
export function lazyZodResolver<Input extends FieldValues, Data>(load: SchemaLoader<Input, Data>) {
  let loading: Promise<Resolver<Input, unknown, Data> | null> | null = null;
  const preload = () => {
    loading ??= Promise.all([import('@hookform/resolvers/zod'), load()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema as never) as unknown as Resolver<Input, unknown, Data>,
      () => {
        loading = null;
        return null;
      },
    );
    return loading;
  };
  const resolver: Resolver<Input, unknown, Data> = async (values, context, options) => {
    const check = await preload();
    return check ? check(values, context, options) : { values: values as unknown as Data, errors: {} };
  };
  return { resolver, preload };
}
