//go:build unix

package site

import (
	"os"
	"syscall"
)

// folderID identifies a folder by device and inode, so a build can tell the
// output folder it left from one made or restored since.
func folderID(dir string) (dev, ino uint64, err error) {
	info, err := os.Stat(dir)
	if err != nil {
		return 0, 0, err
	}
	st := info.Sys().(*syscall.Stat_t)
	return uint64(st.Dev), st.Ino, nil
}
