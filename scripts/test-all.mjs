// PLACEHOLDER (owned by the e2e/packaging work): runs every suite and prints `N passed, N failed`.
import { execSync } from 'node:child_process';
execSync('npm run build && npm run typecheck && npm run test:unit', { stdio: 'inherit' });
