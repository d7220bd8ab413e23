/* The host interface lives in src/host, shared by every host adapter (Excel here, WPS next); kept here for imports. */
export * from '../host';
