import { useQueries, useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import type { AgencyDto } from '../../shared/agencies';
import { addDays } from '../../shared/dates';
import type { ExpectedReport } from '../../shared/reporting';
import { foldText } from '../../shared/text';
import { apiQuery } from '../components/api';
import { QueryView } from '../components/QueryStatus';
import { todayIso } from '../plans/common/dates';
import { ExpectedReportsTable } from './ExpectedReportsTable';

/** The reports an agency still owes: overdue, or due within the coming year. */
export function AgencyReports({ agency }: { agency: AgencyDto }) {
  const reports = useQuery(apiQuery('reporting.expected', {}));
  const dutyIds = useAgencyDutyIds(agency.id);
  const horizon = addDays(todayIso(), 366);
  return (
    <Card title="Báo cáo phải nộp" role="region" aria-label="Báo cáo phải nộp" style={{ marginBottom: 16 }}>
      <QueryView query={reports} loadingText="Đang tải các báo cáo…">
        {(rows) => (
          <ExpectedReportsTable
            showFrom={false}
            rows={rows
              .filter((r) => (dutyIds.has(r.dutyId) || namesAgency(r, agency)) && !r.deliveredOn && (r.overdue || r.dueDate <= horizon))
              .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueDate.localeCompare(b.dueDate))}
            emptyText="Cơ quan này không còn báo cáo nào phải nộp trong năm tới."
          />
        )}
      </QueryView>
    </Card>
  );
}

/** Duties whose sender is the agency itself, over all plans. */
function useAgencyDutyIds(agencyId: string): Set<string> {
  const plans = useQuery(apiQuery('plans.list', {}));
  const duties = useQueries({ queries: (plans.data ?? []).map((p) => apiQuery('reporting.duties', { planId: p.id })) });
  return new Set(duties.flatMap((q) => q.data ?? []).filter((d) => d.fromAgencyId === agencyId).map((d) => d.id));
}

/** A duty owed by a group names it in words ("Phòng GD&ĐT và các cơ quan"); the words name the agency. */
function namesAgency(report: ExpectedReport, agency: AgencyDto): boolean {
  const from = ` ${foldText(report.fromName)} `;
  return [agency.name, agency.shortName].filter(Boolean).some((name) => from.includes(` ${foldText(name)} `));
}
