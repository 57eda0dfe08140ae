//go:build !unix

package site

import (
	"errors"
	"os"
)

// folderID has no portable equivalent here: builds on such systems are
// always full builds.
func folderID(dir string) (dev, ino uint64, err error) {
	if _, err := os.Stat(dir); err != nil {
		return 0, 0, err
	}
	return 0, 0, errors.New("no folder identity on this system")
}
