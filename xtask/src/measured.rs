//! Runs a command and reports what it cost: its wall time and its peak memory, the largest resident set
//! of the command or of any process it waited for (`wait4`'s `ru_maxrss`). Every command xtask runs goes
//! through it ([`crate::run`] drops the cost); the bench reports the stress build's.

use std::os::unix::process::ExitStatusExt;
use std::process::Command;
use std::time::Instant;

/// What a finished command cost.
#[derive(Clone, Copy, Debug)]
pub struct Cost {
    /// Wall time, seconds.
    pub seconds: f64,
    /// The largest resident set of the command or of a process it waited for, MiB.
    pub peak_rss_mib: f64,
}

impl Cost {
    /// `{"seconds": …, "peak_rss_mib": …}`.
    pub fn json(self) -> String {
        format!(
            "{{\"seconds\": {:.0}, \"peak_rss_mib\": {:.0}}}",
            self.seconds, self.peak_rss_mib
        )
    }
}

/// Runs `cmd` (in the project's root unless it names a folder) and measures it; an error names the
/// command when it cannot start or does not succeed.
pub fn run(cmd: &mut Command) -> Result<Cost, String> {
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(crate::root());
    }
    let shown = format!("{cmd:?}");
    let started = Instant::now();
    let child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {shown}: {e}"))?;
    let pid = libc::pid_t::try_from(child.id()).map_err(|e| format!("{shown}: {e}"))?;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain data for which all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our own child, not yet waited for (std waits only when asked); both pointers
        // point to live locals of the right types.
        let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if waited == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("waiting for {shown}: {error}"));
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let status = std::process::ExitStatus::from_raw(status);
    if !status.success() {
        return Err(format!("{shown} failed ({status})"));
    }
    // Linux gives ru_maxrss in KiB.
    Ok(Cost {
        seconds,
        peak_rss_mib: usage.ru_maxrss as f64 / 1024.0,
    })
}

/// The largest resident set this process has had so far, MiB.
pub fn own_peak_rss_mib() -> Result<f64, String> {
    // SAFETY: as above; `getrusage` fills the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a valid `who` and a pointer to a live local.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return Err(format!(
            "reading this process's peak memory: {}",
            std::io::Error::last_os_error()
        ));
    }
    Ok(usage.ru_maxrss as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_that_holds_memory_reports_at_least_that_much() {
        // The shell holds 64 MiB of text in a variable, then exits: its resident set passes 64 MiB.
        let cost = run(Command::new("sh").args([
            "-c",
            "x=$(head -c 67108864 /dev/zero | tr '\\0' a); test ${#x} -eq 67108864",
        ]))
        .expect("sh runs");
        assert!(cost.peak_rss_mib >= 64.0, "{cost:?}");
        assert!(cost.seconds > 0.0);
    }

    #[test]
    fn a_failing_command_is_an_error_naming_it() {
        let error = run(Command::new("sh").args(["-c", "exit 3"])).unwrap_err();
        assert!(
            error.contains("\"sh\"") && error.contains("failed (exit status: 3)"),
            "{error}"
        );
    }
}
