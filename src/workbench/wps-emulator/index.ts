export { EtEmulator, EtError } from './et';
