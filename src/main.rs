//! The alignmap binary: parse the command line and dispatch.

fn main() -> std::process::ExitCode {
    alignmap::cli::main()
}
