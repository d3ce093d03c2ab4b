import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { Loading } from '../ui/Loading';
import { PageHeading } from '../ui/PageHeading';
import { WebhooksPage } from '../webhooks/WebhooksPage';

// The webhook list is the first page after sign-in; every other page loads when first opened.
const WebhookFormPage = lazy(() => import('../webhooks/form/WebhookFormPage'));
const DeliveriesPage = lazy(() => import('../deliveries/DeliveriesPage'));
const DeliveryPage = lazy(() => import('../deliveries/DeliveryPage'));
const TargetsPage = lazy(() => import('../targets/TargetsPage'));
const TargetSetupPage = lazy(() => import('../targets/TargetSetupPage'));
const ActivityPage = lazy(() => import('../activity/ActivityPage'));
const ApiKeysPage = lazy(() => import('../api-keys/ApiKeysPage'));

export function AppRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<WebhooksPage />} />
        <Route path="webhooks" element={<WebhooksPage />} />
        <Route path="webhooks/new" element={<WebhookFormPage />} />
        <Route path="webhooks/:id" element={<WebhookFormPage />} />
        <Route path="deliveries" element={<DeliveriesPage />} />
        <Route path="deliveries/:id" element={<DeliveryPage />} />
        <Route path="targets" element={<TargetsPage />} />
        <Route path="targets/:kind" element={<TargetSetupPage />} />
        <Route path="activity" element={<ActivityPage />} />
        <Route path="api-keys" element={<ApiKeysPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}

function NotFound() {
  const { m } = useI18n();
  return <PageHeading>{m.common.notFound}</PageHeading>;
}
