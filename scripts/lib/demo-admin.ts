/** The demo admin the zero-config start creates, and how long the sign-in link it prints stays valid (it works once). */
export const DEMO_ADMIN = 'admin@dauys.localhost';
export const START_LINK_VALID_MINUTES = 15;
