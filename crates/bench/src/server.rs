//! The server under test: the release binary as a child process on a free port with a fresh
//! data folder. Dropping it stops the process and removes the folder, also after an error.
//! The fixture runs the binary's other commands on the same folder before the server starts.

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use hyper::StatusCode;

use crate::http::{self, RequestSpec};

/// How long the server may take to answer `/readyz`.
const READY_TIMEOUT: Duration = Duration::from_secs(30);
const READY_POLL_INTERVAL: Duration = Duration::from_millis(100);
/// How long the server may take to stop after SIGTERM before it is killed.
const STOP_TIMEOUT: Duration = Duration::from_secs(5);

pub struct ServerProcess {
    child: Child,
    /// Dropped after the process is stopped (fields drop after `Drop::drop`).
    _data_dir: DataDir,
    pub address: SocketAddr,
}

impl ServerProcess {
    /// Starts `<binary> serve` on a free local port with the given data folder.
    pub fn start(
        binary: &Path,
        data_dir: DataDir,
        database_url: Option<&str>,
    ) -> Result<Self, String> {
        Self::start_command(binary, "serve", data_dir, database_url)
    }

    /// Starts `<binary> <command>` (`serve`, or `demo`, which seeds the demo first and then
    /// serves) on a free local port with the given data folder.
    pub fn start_command(
        binary: &Path,
        command: &str,
        data_dir: DataDir,
        database_url: Option<&str>,
    ) -> Result<Self, String> {
        let address = free_local_address()?;
        let mut command = server_command(binary, command, address, data_dir.path(), database_url);
        match command.spawn() {
            Ok(child) => Ok(ServerProcess {
                child,
                _data_dir: data_dir,
                address,
            }),
            Err(error) => Err(format!("cannot start {}: {error}", binary.display())),
        }
    }

    /// Polls `/readyz` until it answers 200; fails if the process exits or time runs out.
    pub async fn wait_until_ready(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + READY_TIMEOUT;
        let readyz = RequestSpec::get("/readyz")?;
        loop {
            if let Ok((StatusCode::OK, _)) = http::send_once(self.address, &readyz).await {
                return Ok(());
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("the server exited before it was ready ({status})"));
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "the server did not answer 200 on /readyz within {} s",
                    READY_TIMEOUT.as_secs()
                ));
            }
            tokio::time::sleep(READY_POLL_INTERVAL).await;
        }
    }

    /// The server's resident memory (`VmRSS` in `/proc/PID/status`) in MB of 2^20 bytes.
    pub fn resident_mb(&self) -> Result<f64, String> {
        let path = format!("/proc/{}/status", self.child.id());
        let status = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {path} (resident memory is read on Linux): {e}"))?;
        parse_vm_rss_kib(&status)
            .map(|kib| kib as f64 / 1024.0)
            .ok_or_else(|| format!("no VmRSS line in {path}"))
    }

    /// CPU time the server has used so far, user and system (`/proc/PID/stat`), in seconds.
    pub fn cpu_seconds(&self) -> Result<f64, String> {
        let path = format!("/proc/{}/stat", self.child.id());
        let stat = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {path} (CPU time is read on Linux): {e}"))?;
        let ticks = parse_cpu_ticks(&stat).ok_or_else(|| format!("cannot read {path}"))?;
        Ok(ticks as f64 / CLOCK_TICKS_PER_SECOND)
    }

    /// SIGTERM, so the server shuts down as it would in production; SIGKILL if it lingers.
    fn stop(&mut self) {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return;
        }
        let terminated = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .is_ok_and(|status| status.success());
        if !(terminated && self.exits_within(STOP_TIMEOUT)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }

    fn exits_within(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A fresh temporary data folder, removed when dropped: the server's and the fixture's.
pub struct DataDir(PathBuf);

impl DataDir {
    pub fn fresh() -> Result<Self, String> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let dir =
            std::env::temp_dir().join(format!("leidraad-bench-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create data folder {}: {e}", dir.display()))?;
        Ok(DataDir(dir))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for DataDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `<binary> <args> --data-dir DIR [--database-url URL]`, with the environment the bench
/// controls: the same for `serve` and for the fixture's `demo` and `admin` commands, so they
/// all reach the same database.
pub fn app_command(
    binary: &Path,
    args: &[&str],
    data_dir: &Path,
    database_url: Option<&str>,
) -> Command {
    let mut command = Command::new(binary);
    command
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        // Request logging would cost the server time the bench would then measure.
        .env("RUST_LOG", "warn")
        // Only the flags decide what is benched, not settings left in the environment.
        .env_remove("LEIDRAAD_DATABASE_URL")
        .env_remove("LEIDRAAD_CONTENT_DIR");
    if let Some(url) = database_url {
        command.arg("--database-url").arg(url);
    }
    command
}

/// Runs one of the app's commands to the end; its stdout, or an error with its stderr.
pub fn run_app_command(
    binary: &Path,
    args: &[&str],
    data_dir: &Path,
    database_url: Option<&str>,
) -> Result<String, String> {
    let shown = format!("{} {}", binary.display(), args.join(" "));
    let output = app_command(binary, args, data_dir, database_url)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`{shown}` failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim_end()
        ));
    }
    String::from_utf8(output.stdout).map_err(|_| format!("`{shown}` printed something not UTF-8"))
}

fn server_command(
    binary: &Path,
    subcommand: &str,
    address: SocketAddr,
    data_dir: &Path,
    database_url: Option<&str>,
) -> Command {
    let bind = address.to_string();
    let mut command = app_command(
        binary,
        &[subcommand, "--bind", &bind],
        data_dir,
        database_url,
    );
    // The server announces its address on stdout, which would land in the table.
    command.stdout(Stdio::null());
    command
}

/// A port nobody listens on right now: bind to port 0, read the port, let it go.
fn free_local_address() -> Result<SocketAddr, String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|e| format!("cannot find a free port: {e}"))?;
    listener
        .local_addr()
        .map_err(|e| format!("cannot find a free port: {e}"))
}

/// `USER_HZ`, the unit of the times in `/proc/PID/stat`: 100 on every Linux the bench runs on.
const CLOCK_TICKS_PER_SECOND: f64 = 100.0;

/// `utime + stime` of a `/proc/PID/stat` line, in clock ticks. The fields are counted after
/// the command name's closing parenthesis, which may itself hold spaces.
fn parse_cpu_ticks(stat: &str) -> Option<u64> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // After the name: state is field 3 of the line, utime 14 and stime 15.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(utime + stime)
}

/// The `VmRSS:   12345 kB` line of a `/proc/PID/status`, in KiB.
fn parse_vm_rss_kib(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|number| number.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resident_set_is_read_from_proc_status() {
        let status =
            "Name:\tleidraad\nVmPeak:\t  900000 kB\nVmRSS:\t   35840 kB\nRssAnon:\t 20000 kB\n";
        assert_eq!(parse_vm_rss_kib(status), Some(35_840));
        assert_eq!(parse_vm_rss_kib("Name:\tx\n"), None);
    }

    #[test]
    fn cpu_time_is_read_from_proc_stat() {
        let stat = "4242 (leidraad (x)) S 1 4242 4242 0 -1 4194560 1000 0 0 0 150 25 0 0 20 0 \
                    9 0 100 1000000 2000 18446744073709551615";
        assert_eq!(parse_cpu_ticks(stat), Some(175));
        assert_eq!(parse_cpu_ticks("garbage"), None);
        if cfg!(target_os = "linux") {
            let own = std::fs::read_to_string("/proc/self/stat").unwrap();
            assert!(parse_cpu_ticks(&own).is_some());
        }
    }

    #[test]
    fn this_process_has_a_resident_set() {
        if cfg!(target_os = "linux") {
            let status = std::fs::read_to_string("/proc/self/status").unwrap();
            assert!(parse_vm_rss_kib(&status).is_some_and(|kib| kib > 0));
        }
    }
}
