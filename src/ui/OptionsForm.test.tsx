import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { OptionsForm } from './OptionsForm';

const render = (dataProblems?: string[]) =>
  renderToString(
    <OptionsForm settings={DEFAULT_SETTINGS} onChange={() => {}} dataProblems={dataProblems} />,
  );

describe('OptionsForm: saved data that could not be read', () => {
  it('is named line by line in an alert at the top of the page', () => {
    const lost =
      'The contents of the pack “<b>Test</b>” are missing or unreadable: it finds no names until you import it again.';
    const html = render([lost, '2 of your notes could not be read and are not shown.']);
    expect(html).toContain('role="alert" data-testid="data-problems"');
    expect(html).toContain('Some of your saved data could not be read.');
    expect(html).toContain('<li>The contents of the pack “&lt;b>Test&lt;/b>” are missing');
    expect(html).toContain('<li>2 of your notes could not be read and are not shown.</li>');
    expect(html.indexOf('data-problems')).toBeLessThan(html.indexOf('name="enabled"'));
  });

  it('is absent when all was read', () => {
    expect(render([])).not.toContain('data-problems');
    expect(render()).not.toContain('role="alert"');
  });
});
