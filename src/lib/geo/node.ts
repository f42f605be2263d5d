/** Node only (build, tests): registers both maps' geometry, so drawing needs no await. */
import europe from './europe.json' with { type: 'json' };
import world from './world.json' with { type: 'json' };
import { setGeometry, type Geometry } from './store.ts';

setGeometry({ europe: europe as unknown as Geometry['europe'], world: world as unknown as Geometry['world'] });
