//! Files the server writes next to its database. They hold personal data (mail with links),
//! so they are readable by the server's own user only: files 0600, folders 0700.

use std::io::Write;
use std::path::Path;

/// Creates `folder` (0700) if missing and writes `path` (0600) inside it.
pub fn write_private(folder: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    create_private_dir(folder)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(bytes)
}

/// Creates `folder` and its missing parents, each new one with mode 0700.
pub fn create_private_dir(folder: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(folder)
}
