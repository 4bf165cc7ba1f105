import type { LabRole } from '@relab/shared';

/** Who sees a lab's activity: facilitators (members by pseudonym) and observers (aggregates only). */
export const ACTIVITY_ROLES: ReadonlySet<LabRole> = new Set<LabRole>(['facilitator', 'observer']);
