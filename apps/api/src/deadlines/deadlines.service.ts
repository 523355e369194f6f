import { Injectable } from '@nestjs/common';
import { deadlineInstant, IANA_ZONE, isAfterDeadline, parsePeriodKey, Programme, reporterTimeZone } from '@peduli/domain';
import type { EntityManager } from 'typeorm';

export interface UnitDeadline {
  periodId: string;
  /** The deadline as an instant, in the unit's own zone. */
  instant: Date;
  ianaZone: string;
  /** The latest extension for the unit (or its whole reporter), if any. */
  extendedUntil: Date | null;
}

export interface DeadlineVerdict {
  late: boolean;
  allowed: boolean;
  deadline: UnitDeadline | null;
}

/** Where a period's deadline falls for one unit, and whether something done now is on time. */
@Injectable()
export class DeadlinesService {
  async forUnit(
    manager: EntityManager,
    subject: { programme: Programme; periodKey: string; regionCode: string | null; provinceCode: string | null; organisationId: string | null },
  ): Promise<UnitDeadline | null> {
    const key = parsePeriodKey(subject.periodKey);
    if (!key) return null;
    // One round trip (this runs inside every submit): the period of the cycle, the unit's zone, and the latest
    // extension for the unit or its whole reporter. A province's or a ministry's report (and its units' inputs) has no
    // regency/city: it works in its province's zone, a ministry in WIB (`reporterTimeZone`), and its extensions name the
    // reporting organisation (the Biro Hukum or the ministry: the organisation itself or its unit's parent).
    const [row]: { periodId: string; deadlineDate: string; deadlineTime: string | null; zone: string; extendedUntil: Date | null }[] =
      await manager.query(
        `SELECT p.id AS "periodId", p.deadline_date::text AS "deadlineDate", p.deadline_time AS "deadlineTime",
                coalesce(p.time_zone, r.iana_zone, $6) AS zone,
                (SELECT max(e.until) FROM deadline_extension e
                  WHERE e.period_id = p.id
                    AND (e.region_code = r.code
                         OR (r.code IS NULL AND e.reporter_organisation_id = (SELECT coalesce(o.parent_id, o.id) FROM organisation o WHERE o.id = $4::uuid)))
                    AND (e.organisation_id IS NULL OR e.organisation_id = $4::uuid)) AS "extendedUntil"
           FROM reporting_cycle c
           JOIN reporting_period p ON p.cycle_id = c.id AND p.code = $3
           LEFT JOIN region r ON r.code = $5
          WHERE c.programme = $1 AND c.year = $2`,
        [subject.programme, key.year, key.code, subject.organisationId, subject.regionCode, IANA_ZONE[reporterTimeZone(subject.provinceCode)]],
      );
    if (!row) return null;
    return {
      periodId: row.periodId,
      instant: deadlineInstant({ date: row.deadlineDate, time: row.deadlineTime }, row.zone),
      ianaZone: row.zone,
      extendedUntil: row.extendedUntil,
    };
  }

  /** Server time decides: a unit cannot be on time by its own clock. Without a deadline, anything is on time. */
  async verdict(manager: EntityManager, subject: Parameters<DeadlinesService['forUnit']>[1], now = new Date()): Promise<DeadlineVerdict> {
    const deadline = await this.forUnit(manager, subject);
    if (!deadline) return { late: false, allowed: true, deadline: null };
    return { ...isAfterDeadline(now, deadline.instant, deadline.extendedUntil), deadline };
  }
}
