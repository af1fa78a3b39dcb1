// A `$ref` resolver for Spectral's CLI that never goes on the network:
//
//   npx spectral lint openapi.yaml --resolver ./no-remote-refs.js
//
// Local files are read as Spectral reads them; a `$ref` to an http(s) URL (even one inside an example
// value) is refused and reported as an `invalid-ref` finding instead of being fetched.
const { readFile } = require('node:fs/promises');
const { Resolver } = require('@stoplight/spectral-ref-resolver');

const refuse = {
  resolve: uri => Promise.reject(new Error(`Remote $ref not followed (no network access): ${uri}`)),
};

module.exports = new Resolver({
  resolvers: {
    http: refuse,
    https: refuse,
    file: { resolve: uri => readFile(uri.href(), 'utf8') },
  },
});
