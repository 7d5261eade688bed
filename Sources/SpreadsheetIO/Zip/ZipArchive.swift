internal import CLibzip
