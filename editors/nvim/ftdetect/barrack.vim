" Barrack Script files: the .brk extension, and scripts whose first line runs barrack.
autocmd BufRead,BufNewFile *.brk setfiletype barrack
autocmd BufRead,BufNewFile * if getline(1) =~# '^#!.*\<barrack\>' | setfiletype barrack | endif
