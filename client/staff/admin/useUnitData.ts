import { useCallback, useRef, useState } from 'react';
import { listUnitStaff, unitDevices, type UnitDeviceView, type UnitStaffView } from '../../services/identity';

// One unit's people and devices for 单位管理, loaded together and reloaded after each decision.

export type UnitData =
  | { status: 'idle' | 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; staff: UnitStaffView[]; devices: UnitDeviceView[] };

export function useUnitData(unitId: string) {
  const [data, setData] = useState<UnitData>({ status: 'idle' });
  const generation = useRef(0);

  const reload = useCallback(
    async (opts?: { clear?: boolean }) => {
      if (!unitId) return;
      const gen = ++generation.current;
      setData((d) => (d.status === 'ready' && !opts?.clear ? d : { status: 'loading' }));
      const [staff, devices] = await Promise.all([listUnitStaff(unitId), unitDevices(unitId)]);
      if (gen !== generation.current) return;
      if (!staff.ok) return setData({ status: 'error', message: staff.message });
      if (!devices.ok) return setData({ status: 'error', message: devices.message });
      setData({ status: 'ready', staff: staff.data.items ?? [], devices: devices.data.items ?? [] });
    },
    [unitId],
  );

  return { data, reload };
}
