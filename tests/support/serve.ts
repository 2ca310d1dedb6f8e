// Serves the fixtures for Playwright's webServer and for `npm start`.
import { startFixtureServer } from './server';

const port = Number(process.env.FIXTURE_PORT ?? 4173);
const { url } = await startFixtureServer(port);
console.log(`Fixture pages at ${url}/`);
