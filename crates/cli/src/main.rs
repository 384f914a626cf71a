//! `leidraad`: parses the command line, sets up logging and hands over to the commands.

mod admin;
mod commands;
mod config;
mod demo;

use std::process::ExitCode;

use clap::Parser;

use config::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    config::init_logging(cli.log_format);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(commands::run(cli))
}
