// The way to a player's own study plan (/me): shown on a phone that has played here, since
// its key is what counts its answers across quiz nights.
import { Link } from '../lib/router.js';
import { deviceKey } from '../lib/storage.js';

export function StudyPlanLink() {
  if (!deviceKey.peek()) return null;
  return (
    <Link className="button ghost" to="/me">
      Your study plan across quiz nights
    </Link>
  );
}
