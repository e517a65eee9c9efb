import { render } from 'preact';
import { useOptions } from '../../src/options/use-options';
import { OptionsForm } from '../../src/ui/OptionsForm';
import '../../src/ui/options.css';

function Options() {
  return <OptionsForm {...useOptions()} />;
}

render(<Options />, document.getElementById('app')!);
