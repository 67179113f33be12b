import assert from 'node:assert/strict';
import { applyFix, BASE, commentsOf, findingsOf, lintText, onlyFinding, spanText } from '../../helpers/text';

const RULE = 'governance-declared';

const GOVERNANCE = 'governance:\n  alm: azure-devops\n  versionControl: true\n';
const withGovernance = (block: string) => BASE.replace(GOVERNANCE, block);

const only = (text: string) => onlyFinding(text, RULE);

const broken = (text: string) => lintText(text).problems.filter((p) => p.rule === 'yaml-syntax' || p.rule === 'schema').map((p) => p.message);

/** Applies the fix, then checks that it cleared the finding, broke nothing and kept every comment. */
function fixed(before: string): string {
  const after = applyFix(before, RULE);
  assert.equal(findingsOf(after, RULE).length, 0, after);
  const was = broken(before);
  assert.deepEqual(broken(after).filter((m) => !was.includes(m)), [], after);
  assert.deepEqual(commentsOf(after), commentsOf(before));
  return after;
}

describe(RULE, () => {
  it('is silent when ALM and version control are declared', () => {
    assert.equal(findingsOf(BASE, RULE).length, 0);
    assert.equal(findingsOf(withGovernance('governance: { alm: none, versionControl: true }\n'), RULE).length, 0);
  });

  it('fires without `governance`, on `integrationManifest`, and asks for both answers', () => {
    const { analysis, finding } = only(withGovernance(''));
    assert.equal(spanText(analysis, finding), 'integrationManifest');
    assert.equal(finding.severity, 'info');
    assert.match(finding.message, /The manifest has no `governance` block saying where the integrations are built and deployed from \(`alm`, such as `azure-devops` or `github`\), nor that every component is under version control \(`versionControl: true`\)\. Answer it/);
  });

  it('fires on the `governance` key when an answer is missing or false', () => {
    for (const block of ['governance:\n  alm: github\n', 'governance:\n  alm: github\n  versionControl: false\n']) {
      const { analysis, finding } = only(withGovernance(block));
      assert.equal(spanText(analysis, finding), 'governance');
      assert.match(finding.message, /^`governance` does not say that every component is under version control/);
      assert.doesNotMatch(finding.message, /`alm`/);
    }
    assert.match(only(withGovernance('governance:\n  versionControl: true\n')).finding.message, /^`governance` does not say where the integrations are built and deployed from/);
  });

  it('is not silenced by a waiver on an item: it belongs to the manifest', () => {
    const text = withGovernance('') + '    waivers: [{ rule: governance-declared, reason: Not our call }]\n';
    assert.equal(findingsOf(text, RULE).length, 1);
  });

  it('fix: inserts a `governance` block below `solution`, keeping comments', () => {
    const before = withGovernance('').replace('solution:\n  name: Test solution\n', 'solution:  # the solution\n  name: Test solution  # working title\n# systems come next\n');
    const after = fixed(before);
    assert.match(after, /\n {2}name: Test solution {2}# working title\ngovernance:\n {2}alm: azure-devops\n {2}versionControl: true\n# systems come next\n/);
  });

  it('fix: inserts below `integrationManifest` when there is no `solution`', () => {
    const before = withGovernance('').replace('solution:\n  name: Test solution\n', '');
    const after = fixed(before);
    assert.ok(after.startsWith('integrationManifest: 1\ngovernance:\n  alm: azure-devops\n  versionControl: true\ngoals:\n'), after);
  });

  it('fix: keeps CRLF line breaks', () => {
    const before = withGovernance('').replace(/\n/g, '\r\n');
    const after = fixed(before);
    assert.match(after, /\r\n {2}name: Test solution\r\ngovernance:\r\n {2}alm: azure-devops\r\n {2}versionControl: true\r\ngoals:/);
  });

  it('fix: adds only the missing answer to a block map, keeping the other', () => {
    const before = withGovernance('governance:  # checklist answers\n  alm: github  # the org standard\n');
    const after = fixed(before);
    assert.match(after, /\ngovernance: {2}# checklist answers\n {2}alm: github {2}# the org standard\n {2}versionControl: true\n/);
  });

  it('fix: adds the missing answer to a flow map', () => {
    const before = withGovernance('governance: { versionControl: true }  # to complete\n');
    assert.match(fixed(before), /\ngovernance: \{ versionControl: true, alm: azure-devops \} {2}# to complete\n/);
  });

  it('fix: turns `versionControl: false` into true', () => {
    const before = withGovernance('governance:\n  alm: other\n  versionControl: false  # not yet\n');
    assert.match(fixed(before), /\n {2}alm: other\n {2}versionControl: true {2}# not yet\n/);
  });

  it('fix: fills a `governance` key that has no value yet', () => {
    const before = withGovernance('governance:  # to do\n');
    assert.match(fixed(before), /\ngovernance: {2}# to do\n {2}alm: azure-devops\n {2}versionControl: true\n/);
  });
});
