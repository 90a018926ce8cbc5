import { createContext, useContext } from 'react';
import type { ScopeApi } from '../../shared/contract';

export const ApiContext = createContext<ScopeApi | null>(null);

export function useApi(): ScopeApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext: the app renders only once the API is connected');
  return api;
}
