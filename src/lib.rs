//! alignmap: a terminal roadmap planner linking IT initiatives to the business goals they serve.

pub mod app;
pub mod cli;
pub mod domain;
pub mod export;
pub mod generate;
pub mod merge;
pub mod runtime;
pub mod sample;
pub mod scenario;
pub mod session;
pub mod storage;
pub mod ui;
