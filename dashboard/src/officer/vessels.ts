// Ship names for pages whose data carries only call ids (alerts, devices): the port's calls, read
// once per load, so no page shows an id where a name belongs.
import { api } from '../api';
import { useLoad } from '../live';

export function useVesselNames() {
  const calls = useLoad<{ items: { callId: string; vessel: { name: string } }[] }>(() =>
    api('GET', '/v1/calls?limit=100'),
  );
  const names = new Map((calls.data?.items ?? []).map((c) => [c.callId, c.vessel.name]));
  return (callId: string) => names.get(callId) ?? '…';
}
