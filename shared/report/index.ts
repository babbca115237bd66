export { REPORT_SECTIONS, reportContent, type JournalHead, type PersonSheet, type ReportContent, type ReportRequest, type ReportSection } from './report-content';
