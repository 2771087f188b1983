/**
 * The cabinet's pages, by path. A feature adds one line here (and one in
 * nav.tsx); its page lives in pages/<feature>/.
 */
import type { ReactNode } from 'react';
import { DesktopPage } from './pages/desktop/DesktopPage';
import { SitesPage } from './pages/sites/SitesPage';
import { SiteCardPage } from './pages/sites/SiteCardPage';
import { ServicesPage } from './pages/services/ServicesPage';
import { TaskPage } from './pages/tasks/TaskPage';
import { StatementPage } from './pages/statements/StatementPage';
import { SecurityPage } from './pages/identity/SecurityPage';
import { TrustedPage } from './pages/identity/TrustedPage';
import { AccountDeletionPage } from './pages/identity/AccountDeletionPage';
import { UploadsPage } from './pages/uploads/UploadsPage';
import { ReceiptsPage } from './pages/receipts/ReceiptsPage';
import { OutboxPage } from './pages/outbox/OutboxPage';
import { TokensPage } from './pages/tokens/TokensPage';
import { MyApplicationsPage } from './pages/applications/MyApplicationsPage';
import { ApplicationPage } from './pages/applications/ApplicationPage';
import { QueuePage } from './pages/applications/QueuePage';
import { PermitPage } from './pages/permits/PermitPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { ReportPage } from './pages/reports/ReportPage';
import { OperatorReportsPage } from './pages/reports/OperatorReportsPage';
import { VehiclesPage } from './pages/vehicles/VehiclesPage';
import { VehicleCardPage } from './pages/vehicles/VehicleCardPage';
import { FacilitiesPage } from './pages/facilities/FacilitiesPage';
import { FacilityCardPage } from './pages/facilities/FacilityCardPage';
import { OperatorRegistersPage } from './pages/operator/OperatorRegistersPage';
import { OverviewPage } from './pages/operator/OverviewPage';
import { OrganizationCardPage } from './pages/operator/OrganizationCardPage';
import { HelpPage } from './pages/help/HelpPage';
import { TariffsPage } from './pages/money/TariffsPage';
import { AnalyticsPage } from './pages/analytics/AnalyticsPage';
import { SettlementsPage } from './pages/money/SettlementsPage';
import { ReconciliationPage } from './pages/money/ReconciliationPage';
import { NewPaymentPage } from './pages/money/NewPaymentPage';
import { MeetingsPage } from './pages/meetings/MeetingsPage';
import { NewMeetingPage } from './pages/meetings/NewMeetingPage';
import { MeetingPage } from './pages/meetings/MeetingPage';
import { StagePage } from './pages/meetings/StagePage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { OrganizationPage } from './pages/profile/OrganizationPage';
import { TelemetryPage } from './pages/telemetry/TelemetryPage';
import { DetectionPage } from './pages/telemetry/DetectionPage';

export interface PageRoute {
  path: string;
  element: ReactNode;
}

export const ROUTES: PageRoute[] = [
  { path: '/', element: <DesktopPage /> },
  { path: '/sites', element: <SitesPage /> },
  { path: '/sites/:id', element: <SiteCardPage /> },
  { path: '/services', element: <ServicesPage /> },
  { path: '/tasks/:id', element: <TaskPage /> },
  { path: '/statements/:id', element: <StatementPage /> },
  { path: '/profile', element: <ProfilePage /> },
  { path: '/organization', element: <OrganizationPage /> },
  { path: '/security', element: <SecurityPage /> },
  { path: '/trusted', element: <TrustedPage /> },
  { path: '/account/delete', element: <AccountDeletionPage /> },
  { path: '/uploads', element: <UploadsPage /> },
  { path: '/receipts', element: <ReceiptsPage /> },
  { path: '/outbox', element: <OutboxPage /> },
  { path: '/tokens', element: <TokensPage /> },
  { path: '/applications', element: <MyApplicationsPage /> },
  { path: '/applications/:id', element: <ApplicationPage /> },
  { path: '/operator/applications', element: <QueuePage /> },
  { path: '/permits/:id', element: <PermitPage /> },
  { path: '/reports', element: <ReportsPage /> },
  { path: '/reports/:id', element: <ReportPage /> },
  { path: '/operator/reports', element: <OperatorReportsPage /> },
  { path: '/vehicles', element: <VehiclesPage /> },
  { path: '/vehicles/:id', element: <VehicleCardPage /> },
  { path: '/facilities', element: <FacilitiesPage /> },
  { path: '/facilities/:id', element: <FacilityCardPage /> },
  { path: '/operator/registers', element: <OperatorRegistersPage /> },
  { path: '/operator/overview', element: <OverviewPage /> },
  { path: '/telemetry', element: <TelemetryPage /> },
  { path: '/telemetry/:id', element: <DetectionPage /> },
  { path: '/operator/organizations/:id', element: <OrganizationCardPage /> },
  { path: '/help', element: <HelpPage /> },
  { path: '/analytics', element: <AnalyticsPage /> },
  { path: '/tariffs', element: <TariffsPage /> },
  { path: '/settlements', element: <SettlementsPage /> },
  { path: '/settlements/reconciliation', element: <ReconciliationPage /> },
  { path: '/settlements/payment', element: <NewPaymentPage /> },
  { path: '/meetings', element: <MeetingsPage /> },
  { path: '/meetings/new', element: <NewMeetingPage /> },
  { path: '/meetings/:id', element: <MeetingPage /> },
  { path: '/meetings/:id/stages/:n', element: <StagePage /> },
];
