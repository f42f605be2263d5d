/**
 * /embed/theme.js: applies `?theme=light|dark` before the embed paints (a render-blocking classic
 * script: the CSP forbids inline scripts, and a module script would run after first paint and
 * flash the other theme). A few hundred bytes, served with the embed pages' headers.
 */
import type { APIRoute } from 'astro';

const SOURCE = `(function(){try{var t=new URLSearchParams(location.search).get("theme");if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}})();\n`;

export const GET: APIRoute = () => new Response(SOURCE, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
