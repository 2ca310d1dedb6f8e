import { render } from 'preact';
import { PopupApp } from './PopupApp';
import '../../components/card.css';
import '../../components/switch.css';
import './popup.css';

render(<PopupApp />, document.getElementById('app')!);
