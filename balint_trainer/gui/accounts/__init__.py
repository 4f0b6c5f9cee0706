"""Who practises: choosing, switching and protecting profiles on this computer."""
