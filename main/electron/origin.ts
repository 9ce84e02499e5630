/** The origin the renderer is served from inside the app; IPC accepts calls only from it. */
export const APP_ORIGIN = 'app://xhht';
