import { zoneOfOrganisation } from '../../../lib/deadline';
import { useMe, useOrganisation } from '../../home-data';

/** The zone the viewer reads times in: their organisation's, or WIB for national roles without one. */
export function useViewerZone() {
  const me = useMe();
  const organisation = useOrganisation(me.data?.user?.organisationId ?? null);
  return zoneOfOrganisation(organisation.data?.provinceCode);
}
