// Once per run of the browser tests (jest globalSetup): the line that installs what is missing.
import { browserRequired, installHint } from './browsers';

export default function browserHint(): void {
  const hint = installHint();
  if (!hint) return;
  process.stdout.write(
    `\n${browserRequired ? 'REQUIRE_BROWSER=1, les tests navigateur échoueront' : 'Tests navigateur ignorés'} : ${hint}\n`,
  );
}
