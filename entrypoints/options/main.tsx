import { render } from 'preact';
import { OptionsApp } from './OptionsApp';
// The same ::highlight styles as on web pages, for the preview of the chosen style.
import '../content/highlights.css';
import '../../components/switch.css';
import './options.css';

render(<OptionsApp />, document.getElementById('app')!);
