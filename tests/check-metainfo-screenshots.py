#!/usr/bin/python3
"""Every screenshot the metainfo names is a file in this repository, at the
path after the branch in its URL. Prints TAP."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PREFIX = "https://raw.githubusercontent.com/tillit/tillit/main/"


def main(metainfo, top):
    images = [i.text.strip() for i in ET.parse(metainfo).iter("image")]
    print(f"1..{len(images) + 1}")
    print(f"{'ok' if images else 'not ok'} 1 - the metainfo names a screenshot")
    failed = not images
    for number, url in enumerate(images, 2):
        path = Path(top) / url[len(PREFIX):] if url.startswith(PREFIX) else None
        good = path is not None and path.is_file()
        failed |= not good
        print(f"{'ok' if good else 'not ok'} {number} - {url} is in the repository")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
