//! End-to-end tests: the `gleaner` binary on real files, checked through its CSV output.

mod support;

mod bad_input;
mod cli;
mod dataset;
mod docs;
mod output;
mod report;
