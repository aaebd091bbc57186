import { describeError } from '@/lib/api-error';
import { signInUrl } from '@/config/env';
import { Icon } from './icon';

/** A failure shown in place of what could not be loaded, with the way out (retry, or sign in). */
export function ErrorPanel({
  error,
  doing,
  onRetry,
}: {
  error: unknown;
  doing: string;
  onRetry?: () => void;
}) {
  const description = describeError(error, doing);
  return (
    <div className="error-panel" role="alert">
      <Icon name="alert" className="error-panel__icon" />
      <div>
        <p className="error-panel__title">{description.title}</p>
        <p className="error-panel__message">{description.message}</p>
        <div className="error-panel__actions">
          {description.signIn ? (
            <a
              className="button button--primary"
              href={signInUrl(window.location.pathname + window.location.search)}
            >
              Sign in
            </a>
          ) : null}
          {onRetry ? (
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
