import { createContext, useContext, type ReactNode } from 'react';
import type { ZipingHost } from '../host';

const HostContext = createContext<ZipingHost | null>(null);

export function HostProvider({ host, children }: { host: ZipingHost; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

export function useHost(): ZipingHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost() outside <HostProvider>');
  return host;
}
