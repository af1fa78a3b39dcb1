import { DiagnosticSeverity } from '@stoplight/types';
import { describe, expect, it } from 'vitest';
import { base, found, lint, response, testRule, VERSIONS, type Doc, type Version } from '../helpers.js';
import { EXEMPTIONS, object, ref } from '../fixtures/documents.js';
import { ARRAY, body, BOUNDED, byValueRule, post, UPLOAD, valuesDoc } from '../fixtures/values.js';

/** POST /files taking one file: a Swagger 2.0 formData `type: file` parameter, or an OpenAPI 3.x multipart binary part. */
function upload(version: Version, limits: Doc = {}): Doc {
  return version === '2.0'
    ? { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file', ...limits }], responses: { '200': response(version) } }
    : { requestBody: { content: { 'multipart/form-data': { schema: object({ file: { type: 'string', format: 'binary', ...limits } }) } } }, responses: { '200': response(version) } };
}

testRule(UPLOAD, VERSIONS.flatMap(version => [
  {
    name: `${version}: a file upload without a size limit, where the file is declared`,
    document: valuesDoc(version, { '/files': { post: upload(version) } }),
    errors: [
      {
        path: version === '2.0' ? ['paths', '/files', 'post', 'parameters', '0'] : ['paths', '/files', 'post', 'requestBody', 'content', 'multipart/form-data', 'schema', 'properties', 'file'],
        severity: DiagnosticSeverity.Warning,
        message: 'File upload has no documented size limit: give the binary value a `maxLength` (bytes) or an `x-max-size`, and enforce it.',
      },
    ],
  },
  {
    name: `${version}: not a file upload with x-max-size, nor one with maxLength`,
    document: valuesDoc(version, { '/files': { post: upload(version, { 'x-max-size': 1_048_576 }), put: upload(version, { maxLength: 1_048_576 }) } }),
    errors: [],
  },
]));

describe.each(VERSIONS)(`${UPLOAD} (%s)`, version => {
  const ADVICE = 'File upload has no documented size limit: give the binary value a `maxLength` (bytes) or an `x-max-size`, and enforce it.';

  if (version === '2.0') {
    it('flags a Swagger 2.0 formData `type: file` parameter without a size limit, at the parameter, and no string finding', async () => {
      const d = valuesDoc(version, {
        '/files': { post: { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file' }, { name: 'note', in: 'formData', type: 'string', maxLength: 100 }], responses: { '200': response(version) } } },
      });
      const all = await byValueRule(d);
      expect(all).toEqual({ [UPLOAD]: ['paths./files.post.parameters.0'] });
      expect((await lint(d)).find(r => r.code === UPLOAD)?.message).toBe(ADVICE);
    });

    it.each([['x-max-size', { 'x-max-size': 10_485_760 }], ['maxLength', { maxLength: 10_485_760 }]])('does not flag a file parameter with %s', async (_, keywords) => {
      const d = valuesDoc(version, { '/files': { post: { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file', ...keywords }], responses: { '200': response(version) } } } });
      expect(await found(UPLOAD, d)).toEqual([]);
    });

    it('flags a binary body parameter', async () => {
      const d = valuesDoc(version, { '/files': { post: { consumes: ['application/octet-stream'], ...post(version, { type: 'string', format: 'binary' }) } } });
      expect(await found(UPLOAD, d)).toEqual([body(version, '/files')]);
    });
  } else {
    const multipart = (schema: Doc): Doc => ({ requestBody: { content: { 'multipart/form-data': { schema } } }, responses: { '200': response(version) } });
    const part = 'paths./files.post.requestBody.content.multipart/form-data.schema';

    it('flags a `format: binary` part of a multipart/form-data body, and not as an unbounded string', async () => {
      const d = valuesDoc(version, { '/files': { post: multipart(object({ file: { type: 'string', format: 'binary' }, note: BOUNDED })) } });
      expect(await byValueRule(d)).toEqual({ [UPLOAD]: [`${part}.properties.file`] });
      expect((await lint(d)).find(r => r.code === UPLOAD)?.message).toBe(ADVICE);
    });

    it.each([['maxLength', { maxLength: 5_000_000 }], ['x-max-size', { 'x-max-size': 5_000_000 }]])('does not flag a binary part bounded by %s', async (_, keywords) => {
      const d = valuesDoc(version, { '/files': { post: multipart(object({ file: { type: 'string', format: 'binary', ...keywords } })) } });
      expect(await found(UPLOAD, d)).toEqual([]);
    });

    it('merges allOf: a size limit on the wrapper bounds a referenced binary schema', async () => {
      const d = valuesDoc(version, { '/files': { post: multipart(object({ file: { allOf: [ref(version, 'Binary')], 'x-max-size': 1_000_000 } })) } }, { Binary: { type: 'string', format: 'binary' } });
      expect(await found(UPLOAD, d)).toEqual([]);
    });

    it('flags an array of binary parts at the items, and the array itself for its maxItems', async () => {
      const d = valuesDoc(version, { '/files': { post: multipart(object({ files: { type: 'array', items: { type: 'string', format: 'binary' } } })) } });
      expect(await byValueRule(d)).toEqual({ [ARRAY]: [`${part}.properties.files`], [UPLOAD]: [`${part}.properties.files.items`] });
    });

    it('flags a raw application/octet-stream body with no schema, at the media type; x-max-size on the media type bounds it', async () => {
      const raw = (media: Doc): Doc => ({ requestBody: { content: { 'application/octet-stream': media, 'image/png': media, 'application/json': {}, 'multipart/form-data': {} } }, responses: { '200': response(version) } });
      const d = valuesDoc(version, { '/files': { post: raw({}) }, '/images': { put: raw({ 'x-max-size': 1_048_576 }) } });
      expect(await found(UPLOAD, d)).toEqual(['paths./files.post.requestBody.content.application/octet-stream', 'paths./files.post.requestBody.content.image/png']);
      expect((await lint(d)).find(r => r.code === UPLOAD)?.message).toBe('Binary request body (application/octet-stream) has no documented size limit: add `x-max-size` (bytes) to the media type, and enforce it.');
    });

    it('reports a shared request body once, where it is written, and honours operation exemptions', async () => {
      const bodyRef = { $ref: '#/components/requestBodies/Blob' };
      const d = base(version, {
        paths: {
          '/a': { post: { requestBody: bodyRef, responses: { '200': response(version) } } },
          '/b': { put: { requestBody: bodyRef, responses: { '200': response(version) } } },
          '/c': { post: { requestBody: { content: { 'application/octet-stream': {} } }, responses: { '200': response(version) }, [EXEMPTIONS]: { [UPLOAD]: 'Streamed to object storage, which caps objects at 5 GiB.' } } },
        },
        components: { requestBodies: { Blob: { content: { 'application/octet-stream': {} } } } },
      });
      expect(await found(UPLOAD, d)).toEqual(['components.requestBodies.Blob.content.application/octet-stream']);
    });

    it('flags a `format: binary` application/octet-stream schema (3.0 style)', async () => {
      const d = valuesDoc(version, { '/files': { post: { requestBody: { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, responses: { '200': response(version) } } } });
      expect(await found(UPLOAD, d)).toEqual(['paths./files.post.requestBody.content.application/octet-stream.schema']);
    });
  }

  if (version === '3.1') {
    it.each([
      ['contentMediaType', { contentMediaType: 'image/png' }],
      ['contentEncoding', { contentEncoding: 'base64' }],
    ])('flags a 3.1 string with %s and no size limit, and not as an unbounded string', async (_, keywords) => {
      const d = valuesDoc(version, { '/files': { post: post(version, object({ photo: { type: 'string', ...keywords } })) } });
      expect(await byValueRule(d)).toEqual({ [UPLOAD]: [`${body(version, '/files')}.properties.photo`] });
    });

    it('does not flag a 3.1 contentMediaType string with maxLength', async () => {
      const d = valuesDoc(version, { '/files': { post: post(version, object({ photo: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64', maxLength: 2_000_000 } })) } });
      expect(await byValueRule(d)).toEqual({});
    });
  }

  it('uploadSizeKeywords.add accepts another keyword', async () => {
    const file = version === '2.0'
      ? { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file', 'x-upload-limit': 1000 }], responses: { '200': response(version) } }
      : { requestBody: { content: { 'multipart/form-data': { schema: object({ file: { type: 'string', format: 'binary', 'x-upload-limit': 1000 } }) } } }, responses: { '200': response(version) } };
    const d = valuesDoc(version, { '/files': { post: file } });
    expect(await found(UPLOAD, d)).toHaveLength(1);
    expect(await found(UPLOAD, d, { uploadSizeKeywords: { add: ['x-upload-limit'] } })).toEqual([]);
  });

  it('honours an exemption on the binary schema', async () => {
    const exempt = { [EXEMPTIONS]: { [UPLOAD]: 'Proxied straight to S3 with a signed policy that caps size.' } };
    const file = version === '2.0'
      ? { consumes: ['multipart/form-data'], parameters: [{ name: 'file', in: 'formData', type: 'file', ...exempt }], responses: { '200': response(version) } }
      : { requestBody: { content: { 'multipart/form-data': { schema: object({ file: { type: 'string', format: 'binary', ...exempt } }) } } }, responses: { '200': response(version) } };
    expect(await found(UPLOAD, valuesDoc(version, { '/files': { post: file } }))).toEqual([]);
  });
});
