//! A small static file server for the built site, as a static host would serve it: the site under its
//! base path, `index.html` for folders, a redirect to add a missing trailing slash, and `404.html` with
//! status 404 for anything else. Loopback only; for local reading and the browser tests.
//!
//! A page on another origin can still reach a loopback server (DNS rebinding: a name of theirs that
//! resolves to 127.0.0.1), so a request must name this machine in its `Host` header; and a path can only
//! ever resolve to a file under the served folder.

use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::{fs, thread};

/// Serves `dir` at `base` on 127.0.0.1:`port`, forever.
pub fn serve(dir: &Path, base: &str, port: u16) -> io::Result<()> {
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    accept(listener, dir.to_path_buf(), base.to_owned());
    Ok(())
}

/// Serves in a background thread; returns the port (0 picks a free one).
pub fn spawn(dir: &Path, base: &str, port: u16) -> io::Result<u16> {
    let listener =
        TcpListener::bind(("127.0.0.1", port)).or_else(|_| TcpListener::bind(("127.0.0.1", 0)))?;
    let port = listener.local_addr()?.port();
    let (dir, base) = (dir.to_path_buf(), base.to_owned());
    thread::spawn(move || accept(listener, dir, base));
    Ok(port)
}

fn accept(listener: TcpListener, dir: PathBuf, base: String) {
    for stream in listener.incoming().flatten() {
        let (dir, base) = (dir.clone(), base.clone());
        thread::spawn(move || {
            let _ = handle(stream, &dir, &base);
        });
    }
}

fn handle(mut stream: TcpStream, dir: &Path, base: &str) -> io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the headers; only Host and Accept-Encoding matter.
    let mut line = String::new();
    let mut gzip = false;
    let mut local = false;
    while reader.read_line(&mut line)? > 2 {
        let lower = line.to_ascii_lowercase();
        if let Some(value) = lower.strip_prefix("accept-encoding:") {
            gzip = value.split(',').any(|e| e.trim().starts_with("gzip"));
        }
        if let Some(value) = lower.strip_prefix("host:") {
            local = is_loopback_host(value.trim());
        }
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let head_only = method == "HEAD";
    if !local {
        return respond(
            &mut stream,
            "421 Misdirected Request",
            "text/plain",
            b"this server only answers requests addressed to 127.0.0.1 or localhost",
            &[],
            head_only,
        );
    }
    if method != "GET" && !head_only {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
            &[],
            head_only,
        );
    }
    match resolve(dir, base, path) {
        Resolved::File(file) => {
            let body = fs::read(&file)?;
            let kind = mime(&file);
            // Compressed as static hosts do, so that timings in the browser are realistic.
            if gzip && compressible(kind) {
                let body = gzipped(&body);
                let headers = [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")];
                return respond(&mut stream, "200 OK", kind, &body, &headers, head_only);
            }
            respond(&mut stream, "200 OK", kind, &body, &[], head_only)
        }
        Resolved::Redirect(to) => respond(
            &mut stream,
            "301 Moved Permanently",
            "text/plain",
            b"",
            &[("Location", &to)],
            head_only,
        ),
        Resolved::NotFound => {
            // The nearest `404.html` up the path, as Cloudflare Pages does: each edition has its own.
            let body = not_found_page(dir, base, path);
            respond(
                &mut stream,
                "404 Not Found",
                "text/html; charset=utf-8",
                &body,
                &[],
                head_only,
            )
        }
    }
}

/// The `404.html` in the deepest folder of `path` (under the base) that has one, else the site's.
fn not_found_page(dir: &Path, base: &str, path: &str) -> Vec<u8> {
    let rest = path.strip_prefix(base).unwrap_or("");
    let mut folders: Vec<&str> = rest
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".." && *p != ".")
        .collect();
    loop {
        let candidate = folders
            .iter()
            .fold(dir.to_path_buf(), |p, f| p.join(f))
            .join("404.html");
        if let Ok(body) = fs::read(&candidate) {
            return body;
        }
        if folders.pop().is_none() {
            return b"not found".to_vec();
        }
    }
}

enum Resolved {
    File(PathBuf),
    Redirect(String),
    NotFound,
}

/// True for a `Host` header value that names this machine's loopback (any port): what a browser sends to
/// this server unless a page reached it through a name of its own.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    matches!(name, "127.0.0.1" | "localhost" | "::1")
}

fn resolve(dir: &Path, base: &str, path: &str) -> Resolved {
    let Some(rest) = path.strip_prefix(base) else {
        return if format!("{path}/") == base {
            Resolved::Redirect(base.to_owned())
        } else {
            Resolved::NotFound
        };
    };
    let Some(relative) = relative_path(rest) else {
        return Resolved::NotFound;
    };
    let file = dir.join(&relative);
    if !stays_under(dir, &file) {
        return Resolved::NotFound;
    }
    if file.is_file() {
        return Resolved::File(file);
    }
    if file.join("index.html").is_file() {
        return if rest.is_empty() || rest.ends_with('/') {
            Resolved::File(file.join("index.html"))
        } else {
            Resolved::Redirect(format!("{path}/"))
        };
    }
    Resolved::NotFound
}

/// The relative file path of a URL path under the base: each segment decoded on its own, so that an
/// encoded `/` or `\` cannot make a new one. `None` for an empty segment (`//`, which would make the rest
/// an absolute path), `.` and `..`, hidden files (but `.well-known`) and anything undecodable. A trailing
/// `/` (a folder) is allowed.
fn relative_path(rest: &str) -> Option<PathBuf> {
    let segments = rest.strip_suffix('/').unwrap_or(rest);
    let mut out = PathBuf::new();
    if segments.is_empty() {
        return Some(out);
    }
    for raw in segments.split('/') {
        let seg = percent_decode(raw)?;
        let hidden = seg.starts_with('.') && seg != ".well-known";
        if seg.is_empty() || hidden || seg.contains(['/', '\\', '\0', ':']) {
            return None;
        }
        out.push(seg);
    }
    Some(out)
}

/// True when `file` (or, if it does not exist, the folder it would be in) is inside `dir` once links are
/// followed.
fn stays_under(dir: &Path, file: &Path) -> bool {
    let Ok(root) = dir.canonicalize() else {
        return false;
    };
    let mut probe = file;
    loop {
        if let Ok(real) = probe.canonicalize() {
            return real.starts_with(&root);
        }
        match probe.parent() {
            Some(parent) => probe = parent,
            None => return false,
        }
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "xml" => "application/xml",
        "atom" => "application/atom+xml",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Text and wasm; not images, which are compressed already.
fn compressible(mime: &str) -> bool {
    mime.starts_with("text/")
        || mime.starts_with("application/") && mime != "application/octet-stream"
}

fn gzipped(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).expect("gzip in memory");
    gz.finish().expect("gzip in memory")
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    mime: &str,
    body: &[u8],
    headers: &[(&str, &str)],
    head_only: bool,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-server-{}", std::process::id()));
        fs::create_dir_all(dir.join("notes/a")).unwrap();
        fs::write(dir.join("index.html"), "root").unwrap();
        fs::write(dir.join("notes/a/index.html"), "a").unwrap();
        dir
    }

    #[test]
    fn resolves_like_a_static_host() {
        let dir = site();
        assert!(matches!(resolve(&dir, "/", "/"), Resolved::File(f) if f.ends_with("index.html")));
        assert!(matches!(resolve(&dir, "/", "/notes/a/"), Resolved::File(_)));
        assert!(
            matches!(resolve(&dir, "/", "/notes/a"), Resolved::Redirect(to) if to == "/notes/a/")
        );
        assert!(matches!(
            resolve(&dir, "/", "/notes/b/"),
            Resolved::NotFound
        ));
        assert!(matches!(
            resolve(&dir, "/", "/../etc/passwd"),
            Resolved::NotFound
        ));
        assert!(
            matches!(resolve(&dir, "/letter/", "/letter"), Resolved::Redirect(to) if to == "/letter/")
        );
        assert!(matches!(
            resolve(&dir, "/letter/", "/notes/a/"),
            Resolved::NotFound
        ));
        assert!(matches!(
            resolve(&dir, "/letter/", "/letter/notes/a/"),
            Resolved::File(_)
        ));
    }

    #[test]
    fn no_path_leaves_the_folder() {
        let dir = site();
        let secret = dir.parent().unwrap().join("xtask-server-secret.txt");
        fs::write(&secret, "secret").unwrap();
        let absolute = secret.display().to_string();
        for path in [
            format!("/{absolute}"),
            format!("/%2F{}", &absolute[1..]),
            format!("/notes/{absolute}"),
            "/..%2Fxtask-server-secret.txt".to_owned(),
            "/%2E%2E/xtask-server-secret.txt".to_owned(),
            "/notes/..%5C..%5Cxtask-server-secret.txt".to_owned(),
            "//etc/passwd".to_owned(),
            "/%2Fetc/passwd".to_owned(),
            "/notes//a/".to_owned(),
        ] {
            assert!(
                matches!(resolve(&dir, "/", &path), Resolved::NotFound),
                "{path}"
            );
        }
        #[cfg(unix)]
        {
            let link = dir.join("outside");
            let _ = fs::remove_file(&link);
            std::os::unix::fs::symlink(dir.parent().unwrap(), &link).unwrap();
            assert!(matches!(
                resolve(&dir, "/", "/outside/xtask-server-secret.txt"),
                Resolved::NotFound
            ));
        }
        assert!(matches!(
            resolve(&dir, "/", "/notes/%61/"),
            Resolved::File(_)
        ));
    }

    #[test]
    fn only_requests_addressed_to_this_machine_are_answered() {
        use std::io::Read;
        let dir = site();
        let port = spawn(&dir, "/", 0).unwrap();
        let status = |host: &str| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            write!(s, "GET / HTTP/1.1\r\n{host}\r\n").unwrap();
            let mut out = String::new();
            s.read_to_string(&mut out).unwrap();
            out.lines().next().unwrap_or_default().to_owned()
        };
        for host in [
            format!("Host: 127.0.0.1:{port}\r\n"),
            format!("Host: localhost:{port}\r\n"),
            format!("host: [::1]:{port}\r\n"),
        ] {
            assert_eq!(status(&host), "HTTP/1.1 200 OK", "{host}");
        }
        for host in [
            format!("Host: rebind.example:{port}\r\n"),
            "Host: 127.0.0.1.evil.example\r\n".to_owned(),
            String::new(),
        ] {
            assert_eq!(status(&host), "HTTP/1.1 421 Misdirected Request", "{host}");
        }
    }

    #[test]
    fn text_is_served_gzipped_to_browsers_that_accept_it() {
        use std::io::Read;
        let dir = site();
        fs::write(dir.join("big.js"), "const x = 1;\n".repeat(1000)).unwrap();
        let port = spawn(&dir, "/", 0).unwrap();
        let get = |accept: &str| {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            write!(s, "GET /big.js HTTP/1.1\r\nHost: 127.0.0.1\r\n{accept}\r\n").unwrap();
            let mut out = Vec::new();
            s.read_to_end(&mut out).unwrap();
            out
        };
        let plain = get("");
        let zipped = get("Accept-Encoding: gzip, deflate, br\r\n");
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        assert!(!text(&plain).contains("Content-Encoding"));
        assert!(text(&zipped).contains("Content-Encoding: gzip"));
        let body = &zipped[zipped.windows(4).position(|w| w == b"\r\n\r\n").unwrap() + 4..];
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(body)
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(decoded, "const x = 1;\n".repeat(1000));
    }
}
