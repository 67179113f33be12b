import assert from 'node:assert/strict';
import { applyFixAndCheck, BASE, findingsOf, onlyFinding, spanText, withIntegration } from '../../helpers/text';

const RULE = 'process-event-driven';

const only = (text: string) => onlyFinding(text, RULE);

const fixed = (before: string): string => applyFixAndCheck(before, RULE);

const process = (trigger: string | null) => withIntegration({ type: 'process', trigger });

describe(RULE, () => {
  it('is silent on an event-driven process integration and on the clean base', () => {
    assert.equal(findingsOf(process('event'), RULE).length, 0);
    assert.equal(findingsOf(BASE, RULE).length, 0);
  });

  it('fires on a scheduled process integration, on the trigger value', () => {
    const { analysis, finding } = only(process('schedule'));
    assert.equal(spanText(analysis, finding), 'schedule');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /Process integration `status` is started on a schedule/);
    assert.match(finding.message, /set `trigger: event`/);
  });

  it('fires on a process integration started by a user', () => {
    const { finding } = only(process('user'));
    assert.match(finding.message, /started by a user action/);
  });

  it('is silent when the trigger is not written yet', () => {
    assert.equal(findingsOf(process(null), RULE).length, 0);
  });

  it('is silent on data and UI integrations on a schedule', () => {
    assert.equal(findingsOf(withIntegration({ trigger: 'schedule' }), RULE).length, 0);
    assert.equal(findingsOf(withIntegration({ type: 'ui', trigger: 'user', systemOfRecord: null }), RULE).length, 0);
  });

  it('a waiver with a reason silences it', () => {
    const text = withIntegration({ type: 'process', trigger: 'schedule', waivers: '[{ rule: process-event-driven, reason: The planning system emits no events }]' });
    assert.equal(findingsOf(text, RULE).length, 0);
  });

  it('fix: sets `trigger: event`, keeping comments', () => {
    const before = withIntegration({ type: 'process', trigger: 'schedule  # nightly run' }).replace('    volume:', '    # load estimate\n    volume:');
    const after = fixed(before);
    assert.match(after, /\n {4}trigger: event {2}# nightly run\n/);
  });

  it('fix: works on an integration written as a flow map', () => {
    const before = BASE.replace(/ {2}- id: status[\s\S]*$/, '  - { id: sync-plan, name: Plan sync, type: process, from: erp, to: sales, trigger: user }  # planners\n');
    assert.match(fixed(before), /to: sales, trigger: event \} {2}# planners/);
  });
});
