/**
 * The only script an embed page loads before interaction: decide whether the URL asks for another
 * view (./prepare.ts, which must run before the element below is defined), the site's light
 * <chart-figure> element (tooltips on first touch, redraw when needed), and the height reporter.
 */
import './prepare.ts';
import '../../charts/client/element.ts';
import { startHeightReporter } from './height.ts';

startHeightReporter();
