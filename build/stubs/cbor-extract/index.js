// cbor-x looks for a native extractor here and falls back to JavaScript when there is none.
module.exports = null;
