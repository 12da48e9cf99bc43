import { useCallback } from 'react';
import { listUnitStaff, unitDevices, type UnitDeviceView, type UnitStaffView } from '../../services/identity';
import { usePagedList } from '../../hooks/usePagedList';

// One unit's lists for 单位管理, each a page at a time with "load more": people waiting for
// approval, phones waiting for approval, and the members with their working phones.

export function useUnitLists(unitId: string) {
  const pendingPeople = usePagedList<UnitStaffView>(
    useCallback((cursor) => listUnitStaff({ unitId, view: 'pending', cursor }), [unitId]),
  );
  const pendingDevices = usePagedList<UnitDeviceView>(
    useCallback((cursor) => unitDevices({ unitId, status: 'pending', cursor }), [unitId]),
  );
  const members = usePagedList<UnitStaffView>(
    useCallback((cursor) => listUnitStaff({ unitId, view: 'members', cursor }), [unitId]),
  );

  const a = pendingPeople.refresh;
  const b = pendingDevices.refresh;
  const c = members.refresh;
  /** Reloads every list's first page (after a decision, or with `clear` after switching unit). */
  const reload = useCallback(
    async (opts?: { clear?: boolean }) => {
      if (unitId) await Promise.all([a(opts), b(opts), c(opts)]);
    },
    [unitId, a, b, c],
  );

  return { pendingPeople, pendingDevices, members, reload };
}
