import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Loading } from '../ui/Loading';
import { PageHeading } from '../ui/PageHeading';
import { useTargets } from './target-queries';

/** The target plugin gallery: each card opens that target's settings form. */
export default function TargetsPage() {
  const { m } = useI18n();
  const targets = useTargets();
  return (
    <>
      <PageHeading>{m.targets.title}</PageHeading>
      <p>{m.targets.intro}</p>
      {targets.isPending && <Loading />}
      {targets.isError && <ErrorNotice error={targets.error} onRetry={() => void targets.refetch()} />}
      {targets.data?.length === 0 && <p>{m.targets.empty}</p>}
      <ul className="gallery">
        {targets.data?.map((target) => (
          <li key={target.kind} className="card">
            <h2 className="card__title">{target.display_name}</h2>
            <p className="card__category">{m.targets.category(target.category)}</p>
            {target.description && <p>{target.description}</p>}
            <p className="card__actions">
              <Link
                to={`/targets/${encodeURIComponent(target.kind)}`}
                className="button button--primary"
                aria-label={m.targets.setUpLabel(target.display_name)}
              >
                {m.targets.setUp}
              </Link>
              {target.docs_url && (
                <a
                  href={target.docs_url}
                  target="_blank"
                  rel="noreferrer noopener"
                  aria-label={`${m.targets.docs}: ${target.display_name}`}
                >
                  {m.targets.docs}
                </a>
              )}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
