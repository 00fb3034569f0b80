// The GOV.UK Frontend scripts the page uses, bundled by scripts/build-web.sh
// into www/vendor/govuk-frontend.min.js: the components whose data-module the
// page sets (tests/e2e/styles.spec.js checks none is missing), not all of them.
import { Checkboxes, Radios, SkipLink, Tabs, createAll, isSupported } from 'govuk-frontend';

export const COMPONENTS = [Checkboxes, Radios, SkipLink, Tabs];

/** As GOV.UK Frontend's initAll, for these components. */
export function initAll() {
  if (!isSupported()) return;
  for (const Component of COMPONENTS) createAll(Component);
}
