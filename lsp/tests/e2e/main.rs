//! End-to-end tests of `mpls` over the real protocol: the server runs in-process on a duplex pipe and the
//! tests speak raw JSON-RPC to it, one test per request or notification the server supports.

mod code_lens;
mod protocol;
mod storm;
mod support;
