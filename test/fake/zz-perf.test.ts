import {it} from 'vitest';
import {startFakeProvider} from '../../source/fake/server.js';
import {headroom, validity} from './helpers.js';
it('perf', async () => {
  const fake = await startFakeProvider();
  let t = performance.now();
  for (let i = 0; i < 1000; i++) await validity(fake, 'openai', 'sk-test-healthy-p');
  console.log('GET', (performance.now() - t) / 1000);
  t = performance.now();
  for (let i = 0; i < 1000; i++) await headroom(fake, 'openai', 'sk-test-healthy-p');
  console.log('POST', (performance.now() - t) / 1000);
  await fake.close();
});
